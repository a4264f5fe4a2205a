// A first-party script: what it sets must be attributed to it, whatever the page tampered with before.
document.cookie = 'genuine_js=1; path=/; max-age=86400; SameSite=Lax';
localStorage.setItem('genuine_key', '1');
