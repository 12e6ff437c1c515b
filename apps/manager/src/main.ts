/** The manager site's entry: the theme, the site's layout styles and the app shell. */
import './app/app.css';
import './app/manager-app.js';
