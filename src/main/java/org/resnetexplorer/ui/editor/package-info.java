/**
 * The graph editor, the graph-editor way: one skin per model element (node, collapsed block, wire) on a canvas a
 * viewport pans and zooms, a selection model, one class per gesture, and the editing commands as pure functions
 * from the shown document and the selection to a named document. The model knows nothing of the skins.
 */
package org.resnetexplorer.ui.editor;
