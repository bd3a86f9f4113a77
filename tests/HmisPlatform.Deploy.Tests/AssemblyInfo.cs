// podman, chown and file modes: the deploy test and its tests run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
