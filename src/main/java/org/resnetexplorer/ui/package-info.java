/**
 * The desktop app, and the only package that imports JavaFX. This folder is the shell: the main window, its
 * menus, toolbar and status line, and the actions that tie the feature folders together; it may use them all, and
 * none of them uses it (UiFolderRulesTest). The scene graph is touched only on the FX thread (decision 0014).
 */
package org.resnetexplorer.ui;
