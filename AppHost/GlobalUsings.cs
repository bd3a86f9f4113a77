global using HmisPlatform;
