import './status.js';
import { defineElement } from '../internal/define-element.js';
import { LdOfflineUpdates } from '../components/offline-updates/offline-updates.js';

defineElement('ld-offline-updates', LdOfflineUpdates);
