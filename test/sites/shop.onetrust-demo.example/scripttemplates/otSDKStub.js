// OneTrust reproduction: the cookies the SDK writes once the visitor saved "Confirm my choices" with only
// Performance cookies switched on, the globals it exposes, and GetDomainData() shaped as the SDK returns it
// (Groups[] with CustomGroupId, GroupName, Status, Cookies/FirstPartyCookies, Hosts[].Cookies, Length in days).
(function () {
  var consent = [
    'isGpcEnabled=0',
    'datestamp=Thu+Nov+26+2026+10%3A15%3A02+GMT%2B0100+(Central+European+Standard+Time)',
    'version=202510.1.0',
    'browserGpcFlag=0',
    'isIABGlobal=false',
    'hosts=',
    'consentId=3f1c2a9e-5b7d-4e21-9a44-0c7e2f8b6d13',
    'interactionCount=1',
    'isAnonUser=1',
    'landingPath=NotLandingPage',
    'groups=C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0%2CC0005%3A0',
    'intType=3',
    'geolocation=DE%3BBE',
    'AwaitingReconsent=false'
  ].join('&');
  var year = 365 * 24 * 3600;
  document.cookie = 'OptanonConsent=' + consent + '; path=/; max-age=' + year + '; SameSite=Lax';
  document.cookie = 'OptanonAlertBoxClosed=2026-11-26T09:15:02.412Z; path=/; max-age=' + year + '; SameSite=Lax';

  function cookie(name, length, host, session) {
    return { Name: name, Host: host, IsSession: !!session, Length: String(length), DurationType: 1, isThirdParty: false, description: '' };
  }
  var host = 'shop.onetrust-demo.example';
  var groups = [
    {
      CustomGroupId: 'C0001', OptanonGroupId: 'C0001', GroupName: 'Strictly Necessary Cookies', Status: 'always active', Type: 'COOKIE',
      Parent: '', IsIabPurpose: false, SubGroups: [], Hosts: [],
      Cookies: [],
      FirstPartyCookies: [cookie('OptanonConsent', 365, host), cookie('OptanonAlertBoxClosed', 365, host), cookie('JSESSIONID', 0, host, true)]
    },
    {
      CustomGroupId: 'C0002', OptanonGroupId: 'C0002', GroupName: 'Performance Cookies', Status: 'inactive', Type: 'COOKIE',
      Parent: '', IsIabPurpose: false, SubGroups: [], Hosts: [],
      Cookies: [],
      FirstPartyCookies: [cookie('_ga', 730, 'onetrust-demo.example'), cookie('_ga_xxxxxxxxxx', 730, 'onetrust-demo.example'), cookie('_gid', 1, 'onetrust-demo.example')]
    },
    {
      CustomGroupId: 'C0003', OptanonGroupId: 'C0003', GroupName: 'Functional Cookies', Status: 'inactive', Type: 'COOKIE',
      Parent: '', IsIabPurpose: false, SubGroups: [], Hosts: [],
      Cookies: [],
      FirstPartyCookies: [cookie('shop_lang', 30, host)]
    },
    {
      CustomGroupId: 'C0004', OptanonGroupId: 'C0004', GroupName: 'Targeting Cookies', Status: 'inactive', Type: 'COOKIE',
      Parent: '', IsIabPurpose: false, SubGroups: [],
      Cookies: [],
      FirstPartyCookies: [cookie('_fbp', 90, 'onetrust-demo.example')],
      Hosts: [{ HostName: 'doubleclick.net', HostId: 'H12', Cookies: [{ Name: 'IDE', Host: 'doubleclick.net', IsSession: false, Length: '390' }] }]
    },
    {
      CustomGroupId: 'C0005', OptanonGroupId: 'C0005', GroupName: 'Social Media Cookies', Status: 'inactive', Type: 'COOKIE',
      Parent: '', IsIabPurpose: false, SubGroups: [], Hosts: [], Cookies: [], FirstPartyCookies: []
    }
  ];
  var domainData = { Language: { Culture: 'en' }, Groups: groups, ShowAlertNotice: true, BannerTitle: 'We use cookies' };
  window.OnetrustActiveGroups = ',C0001,C0002,';
  window.OptanonActiveGroups = ',C0001,C0002,';
  window.OneTrust = {
    GetDomainData: function () { return domainData; },
    IsAlertBoxClosed: function () { return true; },
    OnConsentChanged: function () {},
    ToggleInfoDisplay: function () {},
    AllowAll: function () {},
    RejectAll: function () {}
  };
  window.Optanon = window.OneTrust;
  if (typeof window.OptanonWrapper === 'function') window.OptanonWrapper();
})();
