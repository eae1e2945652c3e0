// The console page's script: its elements, in the page's language (remembered per device).
import { define } from '@samleng/core';
import { SamlengConsoleCaseEditor } from './case-editor.js';
import { SamlengConsoleCases } from './case-list-view.js';
import { SamlengConsole } from './console-app.js';
import { SamlengConsoleChart } from './day-chart.js';
import { SamlengConsoleErase } from './erase-form.js';
import { initialLanguage, setPageLanguage } from './page-controls.js';
import { SamlengConsoleTable } from './pledge-table.js';
import { SamlengConsoleSignIn } from './sign-in.js';
import { SamlengConsoleStats } from './stats.js';
import { SamlengConsoleSubscribers } from './subscribers-view.js';

setPageLanguage(initialLanguage());
define('samleng-console-chart', SamlengConsoleChart);
define('samleng-console-stats', SamlengConsoleStats);
define('samleng-console-table', SamlengConsoleTable);
define('samleng-console-erase', SamlengConsoleErase);
define('samleng-console-sign-in', SamlengConsoleSignIn);
define('samleng-console-case-editor', SamlengConsoleCaseEditor);
define('samleng-console-cases', SamlengConsoleCases);
define('samleng-console-subscribers', SamlengConsoleSubscribers);
define('samleng-console', SamlengConsole);

declare global {
  interface HTMLElementTagNameMap {
    'samleng-console': SamlengConsole;
    'samleng-console-chart': SamlengConsoleChart;
    'samleng-console-stats': SamlengConsoleStats;
    'samleng-console-table': SamlengConsoleTable;
    'samleng-console-erase': SamlengConsoleErase;
    'samleng-console-sign-in': SamlengConsoleSignIn;
    'samleng-console-case-editor': SamlengConsoleCaseEditor;
    'samleng-console-cases': SamlengConsoleCases;
    'samleng-console-subscribers': SamlengConsoleSubscribers;
  }
}
