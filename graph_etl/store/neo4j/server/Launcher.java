/*
 * The local Neo4j Community server of fakefree: Neo4j's own community bootstrapper (Bolt, and the
 * HTTP API on 127.0.0.1 with auth), started with the settings of CONF_FILE.
 *
 * Usage: java -cp LIB/*:CLASSES Launcher HOME_DIR CONF_FILE PASSWORD_FILE
 *
 * Settings come from CONF_FILE (written by graph_etl/store/neo4j/server.py). Auth is on: before
 * the very first start, the password of user neo4j is set from the NEO4J_PASSWORD environment
 * variable or PASSWORD_FILE, the way `neo4j-admin dbms set-initial-password` does it, so the
 * default neo4j/neo4j login never exists. SIGTERM runs a clean shutdown.
 */

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME_DIR CONF_FILE PASSWORD_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        Path passwordFile = Path.of(args[2]).toAbsolutePath();

        Config config = Config.newBuilder()
                .set(GraphDatabaseSettings.neo4j_home, home)
                .fromFile(conf)
                .build();
        Path systemDb = config.get(GraphDatabaseSettings.data_directory)
                .resolve("databases").resolve("system");
        if (!Files.exists(systemDb)) {
            setInitialPassword(config, readPassword(passwordFile));
        }

        long started = System.nanoTime();
        CommunityBootstrapper server = new CommunityBootstrapper();
        int code = server.start(home, conf, Map.of(), false, true);
        if (code != 0) {
            System.err.println("fakefree-neo4j: the server did not start (code " + code + ")");
            System.exit(code);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("fakefree-neo4j: shutting down");
            if (server.isRunning()) {
                server.stop();
            }
            System.out.println("fakefree-neo4j: stopped");
            stopped.countDown();
        }, "fakefree-neo4j-shutdown"));
        System.out.printf("fakefree-neo4j: ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.flush();
        stopped.await();
    }

    private static String readPassword(Path passwordFile) throws Exception {
        String fromEnv = System.getenv("NEO4J_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }

    private static void setInitialPassword(Config config, String password) throws Exception {
        Path authFile = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction();
        if (fs.fileExists(authFile)) {
            fs.deleteFile(authFile);
        }
        FileUserRepository users = new FileUserRepository(
                fs, authFile, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        users.start();
        SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
        users.create(new User("neo4j", null, credential, false, false));
        users.shutdown();
        System.out.println("fakefree-neo4j: initial password of user neo4j set");
    }
}
