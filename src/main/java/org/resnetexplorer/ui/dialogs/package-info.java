/**
 * The dialogs every part of the window shares: the error message, the question before quitting while training,
 * and the file choosers (behind
 * {@link org.resnetexplorer.ui.dialogs.FileDialogs}, so tests answer them). Depends on no other folder.
 */
package org.resnetexplorer.ui.dialogs;
