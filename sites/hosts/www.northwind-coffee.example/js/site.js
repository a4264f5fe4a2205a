// Northwind's own script: remembers the shopper's language (a functional, first-party cookie).
document.cookie = 'nw_lang=en; path=/; max-age=31536000; SameSite=Lax';
for (const button of document.querySelectorAll('button.add')) {
  button.addEventListener('click', () => {
    sessionStorage.setItem('nw_basket', String(Number(sessionStorage.getItem('nw_basket') || 0) + 1));
    button.textContent = 'Added ✓';
  });
}
