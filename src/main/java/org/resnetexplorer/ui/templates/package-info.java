/**
 * The templates: the quick list on the left and the Templates dialog with every option. Depends on no other
 * folder.
 */
package org.resnetexplorer.ui.templates;
