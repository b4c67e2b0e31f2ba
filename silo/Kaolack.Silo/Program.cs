using Kaolack.Silo.Hosting;

var app = KaolackApp.Build(args);
await app.RunAsync();
