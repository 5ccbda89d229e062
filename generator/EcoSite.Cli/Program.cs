using EcoSite.Cli;

// Advisory file locks cost four system calls per file and protect nothing here: the output is written into a
// fresh staging folder no other process uses. (Must be set before the first file is opened.)
AppContext.SetSwitch("System.IO.DisableFileLocking", true);

// An incremental build runs under a gentler collector setting than a cold one (IncrementalGc).
EcoSiteCommand.BeforeBuild = IncrementalGc.SwitchIfIncremental;

return await EcoSiteCommand.RunAsync(args, Console.Out, Console.Error);
