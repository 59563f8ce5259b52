package org.unrest.pipeline;

/** Every stage implementation has a stable name and a version, recorded in the provenance of what it produces. */
public interface Stage {
    /** The stable name it is chosen by in the configuration ("rules", "gazetteer"...). */
    String name();

    /** Bumped whenever its output for the same input may change. */
    String version();
}
