package io.soc2ops;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.soc2ops.cli.Soc2opsCommand;

@SpringBootApplication
public class Soc2opsApplication {

	/**
	 * The jar's entry point: the command line ({@code serve}, {@code demo},
	 * {@code ledger verify}, ...).
	 */
	public static void main(String[] args) {
		int code = Soc2opsCommand.execute(Soc2opsApplication.class, args.length == 0 ? new String[] { "serve" } : args);
		System.exit(code);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
