using EcoSite.Cli;

return await EcoSiteCommand.RunAsync(args, Console.Out, Console.Error);
