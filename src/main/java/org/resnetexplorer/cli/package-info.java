/**
 * The headless commands ({@code templates}, {@code summary}, ...) behind {@code java -jar resnet-explorer.jar
 * COMMAND}. Bad input ends with exit code 2 and one line naming the problem, never a stack trace. May use
 * graph, engine and data; never JavaFX.
 */
package org.resnetexplorer.cli;
