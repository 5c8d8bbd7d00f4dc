/**
 * Safe file handling that every layer shares: names from files made into one path segment, input files checked
 * for type and size before they are read, whole-or-nothing writes and the clean-up of their stale temporary
 * files. Depends only on the texts (i18n); imports neither JavaFX nor ND4J.
 */
package org.resnetexplorer.files;
