using System.Runtime.InteropServices;

namespace HsctJournals.Web.Data;

/// <summary>
/// Gives the C heap's free pages back to the operating system once start-up is done. The demo seed draws and
/// processes its pictures with libvips on worker threads; glibc keeps the memory those threads freed in their
/// arenas, so a fresh installation idled at about 120 MB more resident memory than the same app restarted on
/// its database (bench/README.md). <c>malloc_trim(0)</c> releases it; elsewhere (musl, macOS, Windows) this does nothing.
/// </summary>
internal static class NativeHeapTrim
{
    public static void ReleaseFreedMemory(ILogger log)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            log.LogDebug("This C library has no malloc_trim; freed native memory stays with the process.");
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
