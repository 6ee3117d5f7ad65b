/**
 * Preferences written to `user.js` in the Firefox profile before every launch
 * of the e2e harness.
 *
 * Goals, in order:
 * 1. Firefox's own traffic never leaves the machine. Every request goes to a
 *    dead proxy on 127.0.0.1:9 unless it is for loopback, and DNS-over-HTTPS,
 *    telemetry, Normandy, Safe Browsing, region lookup, push, captive-portal and
 *    connectivity checks, updates, Remote Settings, add-on update and blocklist
 *    fetches are all switched off or pointed at nothing.
 * 2. A first run stays quiet: no welcome page, no default-browser question, no
 *    session restore, no data-reporting notification.
 * 3. The extension under test keeps a stable `moz-extension://<uuid>/` origin and
 *    keeps its storage when the temporary install is dropped at shutdown, so
 *    IndexedDB written in one launch is still there in the next.
 *
 * @module
 */

/** A `user.js` preference value. */
export type PrefValue = string | number | boolean;

/** The "dead" proxy every non-loopback request is sent to (nothing listens on the discard port). */
export const DEAD_PROXY = { host: '127.0.0.1', port: 9 } as const;

/** Prefs that keep all of Firefox's traffic on the machine. */
export const NETWORK_OFF_PREFS: Readonly<Record<string, PrefValue>> = {
  // Manual proxy that goes nowhere; loopback bypasses it.
  'network.proxy.type': 1,
  'network.proxy.http': DEAD_PROXY.host,
  'network.proxy.http_port': DEAD_PROXY.port,
  'network.proxy.ssl': DEAD_PROXY.host,
  'network.proxy.ssl_port': DEAD_PROXY.port,
  'network.proxy.share_proxy_settings': false,
  'network.proxy.socks': '',
  'network.proxy.socks_remote_dns': true,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, [::1]',
  // false = loopback is NOT forced through the proxy, so 127.0.0.1 test servers work.
  'network.proxy.allow_hijacking_localhost': false,
  // Never fall back to a direct connection when the proxy fails.
  'network.proxy.failover_direct': false,
  // DNS: no DoH, no prefetching, no speculative connections.
  'network.trr.mode': 5,
  'network.trr.uri': '',
  'network.dns.disablePrefetch': true,
  'network.dns.native_https_query': false,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'browser.places.speculativeConnect.enabled': false,
  // Captive portal / connectivity checks.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.manage-offline-status': false,
  // Telemetry and data reporting.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': 'http://127.0.0.1:9/',
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.coverage.opt-out': true,
  'toolkit.coverage.endpoint.base': '',
  'telemetry.fog.test.localhost_port': -1,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
  'datareporting.policy.firstRunURL': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.healthreport.service.enabled': false,
  'datareporting.usage.uploadEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.crashReports.unsubmittedCheck.enabled': false,
  'browser.crashReports.unsubmittedCheck.autoSubmit2': false,
  'browser.tabs.crashReporting.sendReport': false,
  // Studies / Normandy / Nimbus.
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'nimbus.rollouts.enabled': false,
  // Safe Browsing and tracking-protection list downloads.
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.passwords.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google.gethashURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google4.gethashURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.mozilla.gethashURL': '',
  'privacy.trackingprotection.enabled': false,
  'privacy.trackingprotection.pbmode.enabled': false,
  // Region / geolocation / search.
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.region': 'US',
  'browser.search.update': false,
  'browser.search.suggest.enabled': false,
  'browser.urlbar.suggest.searches': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'browser.urlbar.merino.endpointURL': '',
  'geo.enabled': false,
  'geo.provider.network.url': '',
  // Push.
  'dom.push.enabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  // Application and add-on updates, blocklist, system add-ons.
  'app.update.auto': false,
  'app.update.disabledForTesting': true,
  'app.update.checkInstallTime': false,
  'app.update.staging.enabled': false,
  'app.update.background.scheduling.enabled': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.update.notifyUser': false,
  'extensions.update.url': '',
  'extensions.update.background.url': '',
  'extensions.getAddons.cache.enabled': false,
  'extensions.getAddons.get.url': '',
  'extensions.getAddons.search.browseURL': '',
  'extensions.getAddons.discovery.api_url': '',
  'extensions.webservice.discoverURL': '',
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.blocklist.enabled': false,
  'extensions.installDistroAddons': false,
  'browser.search.geoSpecificDefaults': false,
  'media.gmp-manager.url': '',
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-gmpopenh264.autoupdate': false,
  'media.gmp-widevinecdm.enabled': false,
  'media.gmp-widevinecdm.autoupdate': false,
  'media.gmp-provider.enabled': false,
  // Remote Settings (also feeds blocklist, CRLite, intermediates, etc.).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'services.settings.loglevel': 'off',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'security.certerrors.mitm.priming.enabled': false,
  'security.OCSP.enabled': 0,
  // Accounts, sync, Pocket, AI features, translations.
  'identity.fxaccounts.enabled': false,
  'extensions.pocket.enabled': false,
  'browser.ml.enable': false,
  'browser.ml.chat.enabled': false,
  'browser.translations.enable': false,
  'browser.translations.automaticallyPopup': false,
  // New-tab page must not fetch anything.
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.feeds.asrouterfeed': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'browser.newtabpage.activity-stream.asrouter.userprefs.cfr.addons': false,
  'browser.newtabpage.activity-stream.asrouter.userprefs.cfr.features': false,
  'browser.topsites.contile.enabled': false,
  'browser.discovery.enabled': false,
  'browser.contentblocking.report.lockwise.enabled': false,
  'browser.vpn_promo.enabled': false,
  'browser.pagethumbnails.capturing_disabled': true,
};

/** Prefs that keep a first run quiet and the session deterministic. */
export const QUIET_FIRST_RUN_PREFS: Readonly<Record<string, PrefValue>> = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.aboutwelcome.enabled': false,
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.firstrunSkipsHomepage': true,
  'startup.homepage_welcome_url': 'about:blank',
  'startup.homepage_welcome_url.additional': '',
  'startup.homepage_override_url': '',
  'trailhead.firstrun.didSeeAboutWelcome': true,
  'browser.uitour.enabled': false,
  'browser.messaging-system.whatsNewPanel.enabled': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.sessionstore.max_resumed_crashes': 0,
  'toolkit.startup.max_resumed_crashes': -1,
  'browser.tabs.warnOnClose': false,
  'browser.tabs.warnOnCloseOtherTabs': false,
  'browser.tabs.warnOnOpen': false,
  'browser.warnOnQuit': false,
  'browser.tabs.closeWindowWithLastTab': false,
  'browser.tabs.unloadOnLowMemory': false,
  'browser.tabs.remote.unloadDelayMs': 0,
  'browser.download.panel.shown': true,
  'browser.contentblocking.introCount': 99,
  'browser.bookmarks.restore_default_bookmarks': false,
  'browser.toolbars.bookmarks.visibility': 'never',
  'browser.backup.enabled': false,
  'browser.dom.window.dump.enabled': true,
  'termsofuse.bypassNotification': true,
  'signon.rememberSignons': false,
  'signon.autofillForms': false,
  'extensions.formautofill.addresses.enabled': false,
  'extensions.formautofill.creditCards.enabled': false,
  'dom.disable_open_during_load': false,
  'dom.max_script_run_time': 0,
  'dom.max_chrome_script_run_time': 0,
  'dom.ipc.reportProcessHangs': false,
  'focusmanager.testmode': true,
  // Plain http:// test servers must stay http.
  'dom.security.https_only_mode': false,
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
  'browser.fixup.alternate.enabled': false,
};

/** Prefs that make extension installs and storage predictable for tests. */
export const EXTENSION_PREFS: Readonly<Record<string, PrefValue>> = {
  // Temporary installs are dropped at shutdown; keep their data and UUID so
  // the next launch with the same profile sees the same origin and storage.
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 5,
  'xpinstall.signatures.required': false,
  // No "extension installed" doorhanger or onboarding.
  'extensions.ui.notifyUnsigned': false,
};

/**
 * All prefs for a harness profile, with the extension's internal UUID pinned.
 *
 * @param extensionId - The gecko id from the extension's manifest.
 * @param extensionUuid - The UUID to use in `moz-extension://<uuid>/`.
 * @returns The pref map to serialise into `user.js`.
 */
export function harnessPrefs(extensionId: string, extensionUuid: string): Record<string, PrefValue> {
  return {
    ...NETWORK_OFF_PREFS,
    ...QUIET_FIRST_RUN_PREFS,
    ...EXTENSION_PREFS,
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: extensionUuid }),
  };
}

/**
 * Serialises prefs in `user.js` syntax (`user_pref("name", value);`, one a line).
 *
 * @param prefs - Pref names and values.
 * @returns The file contents.
 */
export function toUserJs(prefs: Readonly<Record<string, PrefValue>>): string {
  const lines = Object.entries(prefs).map(
    ([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`,
  );
  return `// Written by test/e2e/harness/firefox.ts; overwritten on every launch.\n${lines.join('\n')}\n`;
}
