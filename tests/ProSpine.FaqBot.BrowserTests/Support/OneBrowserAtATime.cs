// Each test class starts its own Chromium and bot. Run side by side they competed for two cores with each other and
// with the main test project (which CI runs at the same time), and a page could wait longer than any sensible timeout;
// one class at a time adds about a minute to a run that still ends well before the main project's.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
