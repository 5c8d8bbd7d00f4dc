/**
 * The graph being edited: its undo history, New, Open, Save, recent files, the autosave and the recovery at start
 * (decisions 0008, 0009). Uses the dialogs and the background work only.
 */
package org.resnetexplorer.ui.document;
