/**
 * Training the edited graph (and its plain twin): the settings panel, the runs on background services, the
 * snapshots coalesced per pulse, and the run list. Uses the background work only.
 */
package org.resnetexplorer.ui.training;
