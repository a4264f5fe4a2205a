document.documentElement.dataset.bakery = "ready";
