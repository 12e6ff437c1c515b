/** The manager site's entry: the first requests, the default theme (light and dark), the site's layout and the app shell. */
import './data/startup.js';
import '@licensedesk/web-components/themes/default.css';
import './app/app.css';
import './app/manager-app.js';
