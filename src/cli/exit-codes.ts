/** The exit codes of `vtopo`, as docs/cli.md documents them. */
export const EXIT_OK = 0;
/** A finding at or above the --fail-on level. */
export const EXIT_FINDINGS = 1;
/** A usage error, or an input that could not be read. */
export const EXIT_USAGE_OR_INPUT = 2;
