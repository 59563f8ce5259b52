package org.unrest.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.QueryService;
import org.unrest.store.JdbcEventStore;
import org.unrest.web.WebServer;

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

    @Override
    public Integer call() throws InterruptedException {
        serve(spec, db.open(), host, port);
        return 0;
    }

    /** Serves until the process is stopped; closes the store then. */
    static void serve(CommandSpec spec, JdbcEventStore store, String host, int port) throws InterruptedException {
        WebServer server = new WebServer(new QueryService(store)).start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("unrest is serving " + store.location() + " at http://"
                + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/  (Ctrl-C stops)");
        spec.commandLine().getOut().flush();
        stopped.await();
    }
}
