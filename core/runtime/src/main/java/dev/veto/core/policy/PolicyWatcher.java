package dev.veto.core.policy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches policy directories (recursively) and runs a reload once changes have settled: editors write a
 * file in several steps, and a whole directory may be replaced, so a reload waits until no event has come
 * for the debounce period. Runs on one daemon thread.
 */
final class PolicyWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PolicyWatcher.class);

    private final WatchService service;
    private final Thread thread;
    private volatile boolean running = true;

    private PolicyWatcher(WatchService service, Duration debounce, Runnable reload) {
        this.service = service;
        this.thread = new Thread(() -> loop(debounce, reload), "veto-policy-watcher");
        this.thread.setDaemon(true);
    }

    static PolicyWatcher start(List<Path> directories, Duration debounce, Runnable reload) {
        if (directories.isEmpty()) {
            return null;
        }
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            for (Path directory : directories) {
                registerTree(service, directory);
            }
            PolicyWatcher watcher = new PolicyWatcher(service, debounce, reload);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            log.warn("Cannot watch policy directories {}; changes need a restart: {}", directories, e.toString());
            return null;
        }
    }

    private static void registerTree(WatchService service, Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path directory : walk.filter(Files::isDirectory).toList()) {
                directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Duration debounce, Runnable reload) {
        while (running) {
            try {
                WatchKey key = service.take();
                boolean changed = drain(key);
                // settle: keep absorbing events until none has come for the debounce period
                WatchKey next;
                while ((next = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(next);
                }
                if (changed) {
                    reload.run();
                }
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Policy reload failed", e);
            }
        }
    }

    private boolean drain(WatchKey key) {
        boolean changed = false;
        Path directory = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path child) {
                Path created = directory.resolve(child);
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(service, created);
                    } catch (IOException e) {
                        log.warn("Cannot watch new policy directory {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
        return changed;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            log.debug("Closing the policy watcher", e);
        }
    }
}
