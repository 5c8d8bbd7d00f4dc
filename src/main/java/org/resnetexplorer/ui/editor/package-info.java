/**
 * The graph editor: one skin per model element (node, collapsed block, wire), a layout that places them, and
 * the gestures that edit the network. The skins are rebuilt from the immutable network; the model knows
 * nothing of them.
 */
package org.resnetexplorer.ui.editor;
