fetch('https://api.zoo-data.example/from-worker').then(() => postMessage('done'), () => postMessage('failed'));
