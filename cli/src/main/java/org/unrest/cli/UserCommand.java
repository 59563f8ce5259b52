package org.unrest.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.unrest.service.Role;
import org.unrest.service.UserService;
import org.unrest.store.JdbcEventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unrest user add|role|password|list}: accounts for the web app. The first admin is made here. */
@Command(name = "user", description = "Manages the web app's accounts (roles: viewer, coder, reviewer, admin).",
        subcommands = {UserCommand.Add.class, UserCommand.SetRole.class, UserCommand.Password.class,
                UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The password: from standard input when it is not a terminal (one line), else asked twice on the console. */
    static char[] readPassword(CommandSpec spec, boolean passwordStdin) throws IOException {
        Console console = System.console();
        if (!passwordStdin && console != null) {
            char[] a = console.readPassword("password: ");
            char[] b = console.readPassword("again: ");
            if (a == null || b == null || !Arrays.equals(a, b)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return a;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password on standard input");
        }
        return line.toCharArray();
    }

    @Command(name = "add", description = "Adds an account; the password is asked for (or read from standard input).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;
        @Option(names = "--role", defaultValue = "viewer", description = "viewer, coder, reviewer or admin. Default: ${DEFAULT-VALUE}.")
        String role;
        @Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
        boolean passwordStdin;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            Role r = Role.parse(role);
            char[] password = readPassword(spec, passwordStdin);
            try (JdbcEventStore store = db.open()) {
                new UserService(store).add(name, password, r);
                spec.commandLine().getOut().println("added " + name + " (" + r.wire() + ") to " + store.location());
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "role", description = "Changes an account's role.")
    static final class SetRole implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Override
        public Integer call() {
            try (JdbcEventStore store = db.open()) {
                new UserService(store).setRole(name, Role.parse(role));
                spec.commandLine().getOut().println(name + " is now " + Role.parse(role).wire());
            }
            return 0;
        }
    }

    @Command(name = "password", description = "Sets a new password (ends the account's sessions).")
    static final class Password implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;
        @Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
        boolean passwordStdin;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword(spec, passwordStdin);
            try (JdbcEventStore store = db.open()) {
                new UserService(store).setPassword(name, password);
                spec.commandLine().getOut().println("new password set for " + name);
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the accounts and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            try (JdbcEventStore store = db.open()) {
                for (UserService.Account a : new UserService(store).accounts()) {
                    spec.commandLine().getOut().println(a.name() + "\t" + a.role().wire() + "\t" + a.createdAt());
                }
            }
            return 0;
        }
    }
}
