/**
 * Safe file handling that every layer shares: names from files made into one path segment, input files checked
 * for type and size before they are read, whole-or-nothing writes and the clean-up of their stale temporary
 * files, the check of parsed JSON text. Depends only on the texts (i18n) and Jackson's tree; imports neither
 * JavaFX nor ND4J.
 */
package org.resnetexplorer.files;
