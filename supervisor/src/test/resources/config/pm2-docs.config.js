// The examples of PM2's documentation (pm2.keymetrics.io/docs/usage/application-declaration/ and the
// ecosystem file reference): two apps, env profiles, PM2-only keys, and a deploy section.
module.exports = {
  apps : [{
    name   : "app",
    script : "./app.js",
    env: {
      NODE_ENV: "development",
    },
    env_production : {
      NODE_ENV: "production",
    }
  }, {
    name        : "worker",
    script      : "./worker.js",
    watch       : true,
  }, {
    name       : "api-app",
    script     : "./api.js",
    instances  : 4,
    exec_mode  : "cluster"
  }],
  deploy : {
    production : {
      user : "node",
      host : "212.83.163.1",
      ref  : "origin/master",
      repo : "git@github.com:repo.git",
      path : "/var/www/production",
      "post-deploy" : "npm install && pm2 reload ecosystem.config.js --env production"
    }
  }
};
