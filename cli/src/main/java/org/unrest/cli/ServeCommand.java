package org.unrest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.IngestService;
import org.unrest.service.UserService;
import org.unrest.store.JdbcEventStore;
import org.unrest.web.WebOptions;
import org.unrest.web.WebServer;
import org.unrest.web.WebServices;

@Command(name = "serve", description = "Serves the events, their evidence and a map in the browser, until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--port", defaultValue = "7070", description = "Port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--open-read", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Anyone who can reach the server may read events, reports and analyses without logging in"
                    + " (writes always need an account). --no-open-read asks everyone to log in. Default: open.")
    boolean openRead = true;

    @Option(names = "--secure-cookies", description = "Mark the session cookie Secure (when served over HTTPS).")
    boolean secureCookies;

    @Option(names = "--train-data", paramLabel = "MM.csv",
            description = "The Mass Mobilization CSV an admin's \"Retrain models\" reads (default: "
                    + "../shared/data/mm/mm-train.csv).")
    Path trainData;

    @Option(names = "--models", paramLabel = "DIR", description = "Where \"Retrain models\" writes the models "
            + "(default: $UNREST_MODELS, else models in the per-user data directory).")
    Path models;

    @Override
    public Integer call() throws InterruptedException {
        serve(spec, db.open(), host, port, new WebOptions(openRead, secureCookies).withTraining(trainData, models));
        return 0;
    }

    /** Serves until the process is stopped; closes the store then. */
    static void serve(CommandSpec spec, JdbcEventStore store, String host, int port) throws InterruptedException {
        serve(spec, store, host, port, WebOptions.defaults());
    }

    /** Serves until the process is stopped; closes the store then. */
    static void serve(CommandSpec spec, JdbcEventStore store, String host, int port, WebOptions options)
            throws InterruptedException {
        WebServer server = new WebServer(WebServices.of(store, new IngestService(store)), options).start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("unrest is serving " + store.location() + " at http://"
                + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/  (Ctrl-C stops)");
        if (!new UserService(store).anyAdmin()) {
            spec.commandLine().getOut().println("no accounts yet: create the first with `unrest user add --role admin NAME`");
        }
        spec.commandLine().getOut().flush();
        stopped.await();
    }
}
