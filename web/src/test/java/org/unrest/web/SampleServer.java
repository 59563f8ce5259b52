package org.unrest.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.unrest.service.QueryService;
import org.unrest.store.EventStore;
import org.unrest.store.JdbcEventStore;

/**
 * Serves {@link SampleData} from a throwaway H2 store, for looking at the page by hand and for
 * {@code docs/screenshot.png}. Run from the test class path: {@code SampleServer [port]} (default 7070).
 */
public final class SampleServer {
    private SampleServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
        Path dir = Files.createTempDirectory("unrest-sample");
        EventStore store = JdbcEventStore.open(dir.resolve("unrest").toString());
        SampleData.load(store);
        WebServer server = new WebServer(new QueryService(store)).start("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
        }));
        System.out.println("serving sample events on http://127.0.0.1:" + server.port() + "/");
        Thread.currentThread().join();
    }
}
