package org.unrest.web;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the web app is offered. {@code openRead}: anyone may read events, reports and analyses without logging in
 * (writes always need a session); otherwise every read of the API needs a session too. {@code secureCookies}:
 * the session cookie is marked Secure (set it when the app is served over HTTPS, e.g. behind a proxy).
 * {@code trainData}: the Mass Mobilization CSV an admin's retraining ({@code POST /api/train}) reads;
 * {@code models}: where it writes the models.
 */
public record WebOptions(boolean openRead, boolean secureCookies, Path trainData, Path models) {
    /** The Mass Mobilization CSV when none is given, relative to the working directory. */
    public static final Path DEFAULT_TRAIN_DATA = Path.of("../shared/data/mm/mm-train.csv");

    public WebOptions {
        Objects.requireNonNull(trainData, "trainData");
        Objects.requireNonNull(models, "models");
    }

    /** The default training data and models directory ({@link #defaultModels()}). */
    public WebOptions(boolean openRead, boolean secureCookies) {
        this(openRead, secureCookies, DEFAULT_TRAIN_DATA, defaultModels());
    }

    public static WebOptions defaults() {
        return new WebOptions(true, false);
    }

    /** These options with another training CSV and models directory (null keeps the current one). */
    public WebOptions withTraining(Path trainData, Path models) {
        return new WebOptions(openRead, secureCookies, trainData != null ? trainData : this.trainData,
                models != null ? models : this.models);
    }

    /**
     * {@code $UNREST_MODELS} when set (where the pipeline looks for retrained models), else {@code models} in the
     * per-user data directory: {@code $XDG_DATA_HOME/unrest/models}, else {@code ~/.local/share/unrest/models}.
     */
    public static Path defaultModels() {
        return defaultModels(System::getenv, System.getProperty("user.home"));
    }

    static Path defaultModels(Function<String, String> env, String userHome) {
        String models = env.apply("UNREST_MODELS");
        if (models != null && !models.isBlank()) {
            return Path.of(models.strip());
        }
        String xdg = env.apply("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "unrest", "models");
        }
        return Path.of(userHome, ".local", "share", "unrest", "models");
    }
}
