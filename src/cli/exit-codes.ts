/** The CLI's exit codes, as documented in docs/cli.md. */
export const EXIT_OK = 0;
/** Something at or above --fail-on was found. */
export const EXIT_FINDINGS = 1;
/** Usage error, unreadable path, invalid configuration or an internal rule error. */
export const EXIT_ERROR = 2;
