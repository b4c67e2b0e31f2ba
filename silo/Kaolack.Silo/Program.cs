using Kaolack.Silo.Backup;
using Kaolack.Silo.Hosting;

if (ArchiveCommand.Matches(args)) return await ArchiveCommand.Run(args, Console.Out, Console.Error);
var app = KaolackApp.Build(args);
await app.RunAsync();
return 0;
