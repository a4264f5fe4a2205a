window.zooLib = true;
