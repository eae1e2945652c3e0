// The console page's script: its elements, in the page's language (remembered per device).
import { define } from '@samleng/core';
import { SamlengConsole } from './console-app.js';
import { SamlengConsoleChart } from './day-chart.js';
import { SamlengConsoleErase } from './erase-form.js';
import { initialLanguage, setPageLanguage } from './page-controls.js';
import { SamlengConsoleTable } from './pledge-table.js';
import { SamlengConsoleSignIn } from './sign-in.js';
import { SamlengConsoleStats } from './stats.js';

setPageLanguage(initialLanguage());
define('samleng-console-chart', SamlengConsoleChart);
define('samleng-console-stats', SamlengConsoleStats);
define('samleng-console-table', SamlengConsoleTable);
define('samleng-console-erase', SamlengConsoleErase);
define('samleng-console-sign-in', SamlengConsoleSignIn);
define('samleng-console', SamlengConsole);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-console': SamlengConsole;
    'samleng-console-chart': SamlengConsoleChart;
    'samleng-console-stats': SamlengConsoleStats;
    'samleng-console-table': SamlengConsoleTable;
    'samleng-console-erase': SamlengConsoleErase;
    'samleng-console-sign-in': SamlengConsoleSignIn;
  }
}
