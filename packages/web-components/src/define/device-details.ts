import './status.js';
import './data-table.js';
import { defineElement } from '../internal/define-element.js';
import { LdDeviceDetails } from '../components/device-details/device-details.js';

defineElement('ld-device-details', LdDeviceDetails);
