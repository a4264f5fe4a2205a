// Sets cookies through the consent manager's document.cookie wrapper: they are this script's, not the wrapper's.
// Two names beyond ASCII: Firefox's cookies API hands names over as UTF-8 bytes.
var year = 'path=/; max-age=31536000; SameSite=Lax';
document.cookie = 'wrapped_js=1; ' + year;
document.cookie = '\u2603snow\u00e9=1; ' + year;
document.cookie = 'emoji_\ud83c\udf6a=1; ' + year;
