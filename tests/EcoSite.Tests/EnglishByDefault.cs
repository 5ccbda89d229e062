using System.Runtime.CompilerServices;

namespace EcoSite.Tests;

/// <summary>
/// Tests that assert English messages must pass on a machine whose LANG is zh_CN.UTF-8: the test process speaks
/// English unless a test asks for a language (--lang, ServeOptions.Lang, or its own environment for a child process).
/// </summary>
internal static class EnglishByDefault
{
#pragma warning disable CA2255 // The one place the whole test assembly's message language is fixed, before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Pin() => Environment.SetEnvironmentVariable("ECOSITE_LANG", "en");
}
