package dev.pulleykit.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opens the first chapter in a real JupyterLab (started as {@code ./kit lab} starts it) in
 * headless Chromium, runs all its cells and checks the rendered page; keeps a screenshot in
 * {@code lib/target/screenshots/}.
 */
class BrowserIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void firstChapterRunsInJupyterLabAndRendersHtml() throws Exception {
        NotebooksIT.CourseEnv kit = NotebooksIT.CourseEnv.load();
        int port = freeLoopbackPort();
        byte[] secret = new byte[16];
        new java.security.SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Path screenshot = kit.root().resolve("lib/target/screenshots/00-check-setup.png");
        Files.deleteIfExists(screenshot);

        // A settings folder of the test's own: no autosave (the check must not write outputs into
        // the repository's notebook) and no news prompt over the page.
        Path config = Files.createTempDirectory("pulley-kit-lab-config");
        Path settings = config.resolve("lab/user-settings/@jupyterlab");
        Files.createDirectories(settings.resolve("docmanager-extension"));
        Files.createDirectories(settings.resolve("apputils-extension"));
        Files.writeString(settings.resolve("docmanager-extension/plugin.jupyterlab-settings"), "{ \"autosave\": false }");
        Files.writeString(settings.resolve("apputils-extension/notification.jupyterlab-settings"), "{ \"fetchNews\": \"false\" }");

        Path serverLog = Files.createTempFile("pulley-kit-lab", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", kit.root().resolve("scripts/lab.sh").toString(),
                "--port", Integer.toString(port), "--token", token)
                .directory(kit.root().toFile()).redirectErrorStream(true).redirectOutput(serverLog.toFile());
        pb.environment().putAll(kit.jupyterEnv());
        pb.environment().put("JUPYTER_CONFIG_DIR", config.toString());
        Process server = pb.start();
        try {
            waitUntilListening(server, port, Duration.ofSeconds(90), serverLog);
            NotebooksIT.CourseEnv.Result check = kit.run(List.of(kit.get("KIT_NODE"),
                            kit.root().resolve("lib/src/test/browser/lab-check.mjs").toString(),
                            "--url", "http://127.0.0.1:" + port + "/lab?token=" + token,
                            "--notebook", "notebooks/00-check-setup.ipynb",
                            "--screenshot", screenshot.toString(),
                            "--expect-text", "HtmlRenderable loaded from",
                            "--expect-html-table",
                            "--timeout", "240"),
                    Map.of("KIT_PLAYWRIGHT_CORE", kit.get("KIT_PLAYWRIGHT_CORE"), "KIT_CHROMIUM", kit.get("KIT_CHROMIUM")),
                    Duration.ofSeconds(300));
            assertEquals(0, check.exitCode(), "the browser check failed:\n" + check.output()
                    + "\n--- JupyterLab's output ---\n" + Files.readString(serverLog));

            assertTrue(Files.isRegularFile(screenshot), "no screenshot at " + screenshot + ":\n" + check.output());
            byte[] png = Files.readAllBytes(screenshot);
            assertTrue(png.length > 20_000, "the screenshot is suspiciously small (" + png.length + " bytes): " + screenshot);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), screenshot + " is not a PNG");
            int width = ByteBuffer.wrap(png, 16, 4).getInt();
            int height = ByteBuffer.wrap(png, 20, 4).getInt();
            assertTrue(width >= 800 && height >= 600, "the screenshot is only " + width + "x" + height);
        } finally {
            NotebooksIT.CourseEnv.stop(server, Duration.ofSeconds(20));
            Files.deleteIfExists(serverLog);
            deleteTree(config);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitUntilListening(Process server, int port, Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("JupyterLab exited (status " + server.exitValue() + ") before listening:\n" + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        fail("JupyterLab did not listen on 127.0.0.1:" + port + " within " + timeout.toSeconds() + " s:\n" + Files.readString(log));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
