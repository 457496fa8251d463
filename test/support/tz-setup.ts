// Fails the whole run if the project's TZ did not take effect, so a "TZ-independent" pass means something.
const wanted = process.env.TZ;
if (wanted) {
	const actual = Intl.DateTimeFormat().resolvedOptions().timeZone;
	// ICU may answer with its canonical alias ("Asia/Katmandu" for "Asia/Kathmandu").
	const canonical = new Intl.DateTimeFormat("en-US", { timeZone: wanted }).resolvedOptions().timeZone;
	if (actual !== canonical) throw new Error(`test time zone not applied: wanted ${wanted}, got ${actual}`);
}
