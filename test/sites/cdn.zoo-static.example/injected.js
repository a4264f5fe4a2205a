window.zooInjected = true;
