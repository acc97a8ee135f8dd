package org.custodiet.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.custodiet.core.account.Role;
import org.custodiet.store.Database;
import org.custodiet.store.account.Account;
import org.custodiet.store.account.AccountException;
import org.custodiet.store.account.AccountRepository;
import org.custodiet.store.account.ApiTokens;
import org.custodiet.store.account.Credentials;
import org.custodiet.store.account.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Curator and admin accounts from the command line: the way to create the first admin, and to
 * recover when every admin is locked out. Changes are logged with the actor {@code cli:<OS user>}.
 * Passwords are never taken as arguments, where the shell history and the process list would show
 * them.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage the accounts of curators and admins.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class,
      UserCommand.Reset.class,
      UserCommand.ListUsers.class,
      UserCommand.Token.class
    })
final class UserCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: add, disable, enable, reset, list or token");
  }

  /** Who the decision log names for changes made here. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  /** Runs an account change, turning its refusal into the command line's exit codes. */
  static <T> T change(CommandSpec spec, java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (AccountException e) {
      throw switch (e.kind()) {
        case NOT_FOUND -> new NotFoundException(e.getMessage());
        case INVALID -> new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        case CONFLICT -> new IllegalArgumentException(e.getMessage());
      };
    }
  }

  /** Runs an account change in the workspace, its refusal turned into the exit codes. */
  static <T> T changeStored(UserCommand user, CommandSpec spec, Function<Database, T> change) {
    return InWorkspace.run(user.main, spec, w -> change(spec, () -> change.apply(w.database())));
  }

  /** Reads a new password: one line from standard input, or typed twice at the console. */
  static String readPassword(CommandSpec spec, boolean fromStdin) {
    if (fromStdin) {
      try {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--password-stdin: standard input held no password");
        }
        return line;
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--password-stdin: cannot read standard input: " + e.getMessage());
      }
    }
    Console console = System.console();
    if (console == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "no console to ask for the password: pipe it in and add --password-stdin");
    }
    char[] first = console.readPassword("New password (at least %d characters): ", 12);
    char[] second = console.readPassword("Same password again: ");
    try {
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "the two passwords differ; nothing was changed");
      }
      return new String(first);
    } finally {
      if (first != null) {
        Arrays.fill(first, '\0');
      }
      if (second != null) {
        Arrays.fill(second, '\0');
      }
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user. The password is read from the console, or with --password-stdin.")
  static final class Add implements Callable<Integer> {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "1-64 of a-z, 0-9, '.', '_' and '-'.")
    String username;

    @Option(names = "--role", required = true, description = "curator or admin.")
    String role;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      Role r = change(spec, () -> parseRole(spec, role));
      change(spec, () -> Credentials.username(username));
      String password = readPassword(spec, passwordStdin);
      Account a =
          changeStored(
              user, spec, db -> new AccountRepository(db).add(actor(), username, r, password));
      spec.commandLine().getOut().println("added " + a.role().code() + " " + a.username());
      return 0;
    }
  }

  static Role parseRole(CommandSpec spec, String code) {
    try {
      return Role.ofCode(code);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Stop a user signing in; ends their sessions, suspends their API tokens.")
  static final class Disable extends Toggle {
    Disable() {
      super("disabled");
    }

    @Override
    void apply(AccountRepository accounts) {
      accounts.disable(actor(), username);
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Let a user sign in again.")
  static final class Enable extends Toggle {
    Enable() {
      super("enabled");
    }

    @Override
    void apply(AccountRepository accounts) {
      accounts.enable(actor(), username);
    }
  }

  /** Disable and enable differ only in the change they make and the word that reports it. */
  abstract static class Toggle implements Callable<Integer> {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String username;

    private final String done;

    Toggle(String done) {
      this.done = done;
    }

    abstract void apply(AccountRepository accounts);

    @Override
    public Integer call() {
      changeStored(
          user,
          spec,
          db -> {
            apply(new AccountRepository(db));
            return null;
          });
      spec.commandLine().getOut().println(done + " " + username);
      return 0;
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description =
          "Set a new password: clears a lock-out and ends every session of the user. The password"
              + " is read from the console, or with --password-stdin.")
  static final class Reset implements Callable<Integer> {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String username;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      change(spec, () -> Credentials.username(username));
      changeStored(
          user,
          spec,
          db -> {
            AccountRepository accounts = new AccountRepository(db);
            if (accounts.find(username).isEmpty()) {
              throw new NotFoundException("no user '" + username + "'");
            }
            String password = readPassword(spec, passwordStdin);
            accounts.resetPassword(actor(), username, password);
            return null;
          });
      spec.commandLine().getOut().println("reset the password of " + username);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every user.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace w = Workspace.open(user.main.store, spec.commandLine().getErr())) {
        java.util.List<Account> accounts = new AccountRepository(w.database()).list();
        Sessions sessions = new Sessions(w.database());
        TextTable table =
            new TextTable("USER", "ROLE", "STATE", "SESSIONS", "CREATED").alignRight(3);
        Instant now = Instant.now();
        for (Account a : accounts) {
          String state =
              a.disabled()
                  ? "disabled"
                  : a.lockedAt(now) ? "locked until " + a.lockedUntil() : "active";
          table.row(a.username(), a.role().code(), state, sessions.count(a.id()), a.createdAt());
        }
        table.print(out);
        out.println(accounts.size() + (accounts.size() == 1 ? " user" : " users"));
      }
      return 0;
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "API tokens for scripts: create (shown once), revoke, list.",
      subcommands = {Token.Create.class, Token.Revoke.class, Token.ListTokens.class})
  static final class Token implements Runnable {
    @ParentCommand UserCommand user;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "name a subcommand: create, revoke or list");
    }

    @Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a token for NAME and print it. It is shown only this once.")
    static final class Create implements Callable<Integer> {
      @ParentCommand Token token;
      @Spec CommandSpec spec;

      @Parameters(paramLabel = "NAME")
      String username;

      @Option(names = "--label", required = true, description = "What the token is for.")
      String label;

      @Override
      public Integer call() {
        ApiTokens.NewToken t =
            changeStored(
                token.user, spec, db -> new ApiTokens(db).create(actor(), username, label));
        spec.commandLine().getOut().println(t.token());
        spec.commandLine()
            .getErr()
            .println(
                "custodiet: token #"
                    + t.id()
                    + " for "
                    + username
                    + "; store it now, it is not shown again");
        return 0;
      }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke token ID.")
    static final class Revoke implements Callable<Integer> {
      @ParentCommand Token token;
      @Spec CommandSpec spec;

      @Parameters(paramLabel = "ID")
      long id;

      @Override
      public Integer call() {
        ApiTokens.TokenInfo t =
            changeStored(token.user, spec, db -> new ApiTokens(db).revoke(actor(), id));
        spec.commandLine()
            .getOut()
            .println("revoked token #" + t.id() + " (" + t.name() + ") of " + t.username());
        return 0;
      }
    }

    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the tokens of NAME.")
    static final class ListTokens implements Callable<Integer> {
      @ParentCommand Token token;
      @Spec CommandSpec spec;

      @Parameters(paramLabel = "NAME")
      String username;

      @Override
      public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<ApiTokens.TokenInfo> tokens =
            changeStored(token.user, spec, db -> new ApiTokens(db).list(username));
        TextTable table =
            new TextTable("ID", "LABEL", "STARTS WITH", "CREATED", "LAST USED", "REVOKED")
                .alignRight(0);
        for (ApiTokens.TokenInfo t : tokens) {
          table.row(
              t.id(),
              t.name(),
              t.displayPrefix() + "…",
              t.createdAt(),
              t.lastUsed() == null ? "never" : t.lastUsed(),
              t.revokedAt() == null ? "" : t.revokedAt());
        }
        table.print(out);
        out.println(tokens.size() + (tokens.size() == 1 ? " token" : " tokens"));
        return 0;
      }
    }
  }
}
