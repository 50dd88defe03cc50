namespace GenWorld.Studio.Tests.Browser;

/// <summary>A fact that drives the page in headless Chromium; skipped, with the reason, only when Chromium, Node.js or puppeteer-core cannot be installed here.</summary>
public sealed class BrowserFactAttribute() : global::GenWorld.Tests.Shared.ExternalProgramFactAttribute(ChromiumDriver.UnavailableReason);
