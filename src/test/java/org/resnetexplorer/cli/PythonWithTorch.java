package org.resnetexplorer.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python with PyTorch and NumPy, which the export tests run the exported files under; where it cannot
 * import them, the tests are skipped with a message, not failed (decisions 0037, 0038).
 */
final class PythonWithTorch {
    static final String PYTHON = "/usr/bin/python3";

    private PythonWithTorch() {
    }

    /** Skips the calling test class, saying that {@code what} was not checked, where torch cannot be imported. */
    static void assume(String what) throws InterruptedException {
        boolean torch;
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import numpy, torch").redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            torch = check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            torch = false;
        }
        boolean found = torch;
        Assumptions.assumeTrue(found, () -> {
            String message = "SKIPPED: " + what + " not checked under PyTorch: " + PYTHON
                    + " cannot import torch and numpy (install Debian's python3-torch)";
            System.err.println(message);
            return message;
        });
    }
}
