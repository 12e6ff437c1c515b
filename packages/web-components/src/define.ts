/**
 * Registers every element of the package under its `ld-` tag. Importing this module (or one entry
 * under `define/`) is the only side effect of the package; registration is guarded, so a second
 * copy in the page never throws.
 */
import './define/provider.js';
import './define/status.js';
import './define/data-table.js';
import './define/pager.js';
import './define/nav.js';
import './define/login-form.js';
import './define/settings-form.js';
import './define/about-panel.js';
import './define/hostid-input.js';
import './define/properties-editor.js';
import './define/features-table.js';
import './define/feature-details.js';
import './define/devices-table.js';
import './define/device-details.js';
import './define/code-view.js';
import './define/reservation-form.js';
import './define/reservations-import.js';
import './define/reservations-view.js';
import './define/model-editor.js';
import './define/pools-view.js';
import './define/offline-updates.js';
import './define/client-key.js';
