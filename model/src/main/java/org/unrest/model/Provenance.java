package org.unrest.model;

/** Which stage implementation, at which version, produced a value. */
public record Provenance(String stage, String implementation, String version) {
    public String label() {
        return stage + ":" + implementation + "@" + version;
    }
}
